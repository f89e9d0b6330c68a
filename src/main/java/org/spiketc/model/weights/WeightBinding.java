package org.spiketc.model.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.common.OneLine;
import org.spiketc.common.UserInputException;
import org.spiketc.model.ParameterSpec;
import org.spiketc.tensor.DenseTensor;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/**
 * Matches a checkpoint's tensors to an architecture's {@link ParameterSpec}s.
 *
 * <p>Accepts both spellings of the official code (CIFAR {@code q_linear}, ImageNet {@code q_conv}),
 * kernel-1 conv shapes for linear layers ([out, in, 1] or [out, in, 1, 1]), and ignores what the
 * official forward pass never uses: {@code norm1}/{@code norm2} LayerNorms, BatchNorm
 * {@code num_batches_tracked}, and SDT's unused {@code talking_heads} conv. Every missing,
 * unexpected or mis-shaped tensor is listed in one error.
 */
final class WeightBinding {
    private WeightBinding() {
    }

    static Map<String, Tensor> bind(List<ParameterSpec> specs, WeightSet file, String model) {
        Map<String, Tensor> byCanonical = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : file.tensors().entrySet()) {
            String k = e.getKey();
            if (isIgnored(k)) {
                continue;
            }
            byCanonical.put(canonical(k), e.getValue());
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        for (ParameterSpec s : specs) {
            Tensor t = byCanonical.remove(canonical(s.key()));
            if (t == null) {
                missing.add(s.key());
            } else if (!squeeze(t.shape()).equals(squeeze(s.shape()))) {
                misShaped.add(s.key() + " " + OneLine.of(t.shape().toString(), 80) + " (expected " + s.shape() + ")");
            } else {
                out.put(s.key(), t.shape().equals(s.shape()) ? t : new DenseTensor(s.shape(), t.data()));
            }
        }
        byCanonical.keySet().forEach(k -> unexpected.add(OneLine.of(k, 80)));
        if (!missing.isEmpty() || !misShaped.isEmpty() || !unexpected.isEmpty()) {
            StringBuilder m = new StringBuilder("weights " + file.origin() + " do not match model " + model + ":");
            append(m, "missing", missing);
            append(m, "wrong shape", misShaped);
            append(m, "unexpected", unexpected);
            throw new UserInputException(m.toString());
        }
        return out;
    }

    private static void append(StringBuilder m, String what, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        int show = Math.min(names.size(), 12);
        m.append(' ').append(what).append(" (").append(names.size()).append("): ")
                .append(String.join(", ", names.subList(0, show)));
        if (show < names.size()) {
            m.append(", ... ").append(names.size() - show).append(" more");
        }
        m.append(';');
    }

    private static boolean isIgnored(String key) {
        return key.endsWith(".num_batches_tracked") || key.matches("block\\.\\d+\\.norm[12]\\..*")
                || key.matches("block\\.\\d+\\.attn\\.talking_heads\\..*");
    }

    /** Both official spellings map to the {@code _linear} one. */
    private static String canonical(String key) {
        return key.replaceFirst("(q|k|v|proj|fc1|fc2)_conv\\.", "$1_linear.");
    }

    private static Shape squeeze(Shape s) {
        int[] d = s.dims();
        int n = d.length;
        while (n > 1 && d[n - 1] == 1) {
            n--;
        }
        return Shape.of(Arrays.copyOf(d, n));
    }
}
