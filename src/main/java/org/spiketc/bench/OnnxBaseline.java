package org.spiketc.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;
import org.spiketc.data.LabelledImages;

/**
 * The seed's CPU (ONNX) baseline: the shipped model exported to ONNX by {@code spikformer_tool.py onnx}
 * (committed next to its weights), run by ONNX Runtime on the CPU, timed and scored like the engines.
 */
final class OnnxBaseline implements AutoCloseable {
    static final String RESOURCE = "/org/spiketc/assets/models/fmnist-spikformer-tiny.onnx";
    private final OrtEnvironment env;
    private final OrtSession session;

    private OnnxBaseline(OrtEnvironment env, OrtSession session) {
        this.env = env;
        this.session = session;
    }

    /** The baseline with this many intra-op threads, or why it cannot run here (no native library for this platform). */
    static Result open(int threads) {
        byte[] model;
        try (InputStream in = OnnxBaseline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new Result(Optional.empty(), "the ONNX export " + RESOURCE + " is not in this build");
            }
            model = in.readAllBytes();
        } catch (IOException e) {
            return new Result(Optional.empty(), "cannot read " + RESOURCE + ": " + e.getMessage());
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions o = new OrtSession.SessionOptions();
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            return new Result(Optional.of(new OnnxBaseline(env, env.createSession(model, o))), null);
        } catch (OrtException | UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            return new Result(Optional.empty(), "ONNX Runtime cannot run here: " + e.getMessage());
        }
    }

    record Result(Optional<OnnxBaseline> baseline, String reason) {
    }

    /** Classes of images {@code from .. from + n} run as one batch. */
    int[] predict(LabelledImages data, int from, int n) throws OrtException {
        int size = data.channels() * data.size() * data.size();
        FloatBuffer buf = FloatBuffer.allocate(n * size);
        for (int i = 0; i < n; i++) {
            buf.put(data.pixels()[from + i]);
        }
        buf.flip();
        try (OnnxTensor input = OnnxTensor.createTensor(env, buf, new long[] {n, data.channels(), data.size(), data.size()});
                OrtSession.Result r = session.run(Map.of("image", input))) {
            float[][] logits = (float[][]) r.get(0).getValue();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < logits[i].length; c++) {
                    best = logits[i][c] > logits[i][best] ? c : best;
                }
                out[i] = best;
            }
            return out;
        }
    }

    /** Top-1 accuracy over the set at a batch size, and the wall time it took in milliseconds. */
    double[] evaluate(LabelledImages data, int batch) throws OrtException {
        int correct = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < data.count(); i += batch) {
            int n = Math.min(batch, data.count() - i);
            int[] p = predict(data, i, n);
            for (int k = 0; k < n; k++) {
                correct += p[k] == data.labels()[i + k] ? 1 : 0;
            }
        }
        return new double[] {(double) correct / data.count(), (System.nanoTime() - t0) / 1e6};
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
