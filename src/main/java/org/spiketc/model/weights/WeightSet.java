package org.spiketc.model.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spiketc.tensor.Tensor;

/** Named tensors as read from a weights file, in file order. */
public record WeightSet(String origin, Map<String, Tensor> tensors) {
    public WeightSet {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }
}
