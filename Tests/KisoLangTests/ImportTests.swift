import Testing

@testable import KisoLang

/// Pasted course imports bind namespaces of Kiso's builtins under the libraries' names.
@Suite struct ImportTests {
    @Test func numpyLinesRunUnchanged() {
        let h = Harness()
        h.run("import numpy as np")
        #expect(h.run("np.linalg.norm(np.array([3.0, 4.0]))") == "5.0")
        #expect(h.run("np.zeros((2, 3)).shape") == "(2, 3)")
        #expect(h.run("np.random.default_rng(0).normal(0, 1, 2)") == eval("default_rng(0).normal(0, 1, 2)"))
        #expect(h.run("np.pi") == "3.141592653589793")
        #expect(
            h.run("x = np.arange(6).reshape(2, 3); np.sum(x, axis=0)") == eval("sum(arange(6).reshape(2, 3), axis=0)"))
    }

    @Test func torchAndJaxNames() {
        let h = Harness()
        h.run("import torch.nn.functional as F")
        #expect(h.run("F.softmax([1.0, 2.0])") == eval("softmax([1.0, 2.0])"))
        h.run("import jax.numpy as jnp")
        #expect(h.run("jnp.dot([1.0, 2.0], [3.0, 4.0])") == "11.0")
        h.run("from jax import grad, value_and_grad as vg")
        #expect(h.run("grad(x -> jnp.sum(x ^ 2))(jnp.array([1.0, 2.0]))") == "[2. 4.]")
        #expect(h.printed == "", "binding a builtin under its own name hides nothing: \(h.printed)")
        #expect(h.run("vg(x -> x * x)(3.0)") == "(9.0, 6.0)")
    }

    @Test func kerasAndTensorflowKerasNameTheModelLibrary() {
        let h = Harness()
        h.run("import keras")
        h.run("from keras import layers")
        h.run("from tensorflow.keras.callbacks import EarlyStopping")
        #expect(
            h.run("summary(keras.Sequential([layers.Dense(4, activation=\"relu\"), keras.layers.Dense(1)], input_shape=[2]))")
                == eval("summary(Sequential([Dense(4, activation=\"relu\"), Dense(1)], input_shape=[2]))"))
        #expect(h.run("EarlyStopping(patience=2)") == eval("EarlyStopping(patience=2)"))
        h.run("from tensorflow import keras as tfk")
        #expect(h.run("tfk.optimizers.Adam(learning_rate=0.01)") == eval("Adam(learning_rate=0.01)"))
        #expect(h.run("type(layers.MaxPool2D(2))") == eval("type(MaxPooling2D(2))"))
        #expect(h.error("keras.Input").contains("`keras.Input` is not available in Kiso"))
        h.run("import torch")
        #expect(h.run("torch.cat([torch.tensor([1, 2]), torch.tensor([3])])") == "[1 2 3]")
        #expect(h.run("torch.clamp(torch.tensor([-1.0, 2.0]), 0.0, 1.0)") == "[0. 1.]")
    }

    @Test func plainImportBindsTheTopName() {
        let h = Harness()
        h.run("import numpy.linalg")
        #expect(h.run("numpy.linalg.det([[1.0, 2.0], [3.0, 4.0]])") == eval("det([[1.0, 2.0], [3.0, 4.0]])"))
        #expect(h.run("import numpy; numpy") == "<module 'numpy': Kiso's builtins under its names>")
    }

    @Test func missingNamesAndLibrariesSaySo() {
        let h = Harness()
        h.run("import numpy as np")
        let missing = h.error("np.fft.fft([1.0])")
        #expect(missing.contains("`numpy.fft` is not available in Kiso"), "\(missing)")
        #expect(h.error("np.linalg.nrom([1.0])").contains("did you mean `numpy.linalg.norm`?"))
        let plt = h.error("import matplotlib.pyplot as plt")
        #expect(plt.contains("Kiso cannot import `matplotlib.pyplot`") && plt.contains("Kiso draws plots itself"))
        #expect(h.error("import pandas as pd").contains("other libraries are not available"))
        #expect(h.error("from numpy import").contains("expected a name to import"))
        #expect(h.error("import numpy as").contains("expected a name after `as`"))
    }

    @Test func importIsStillAName() {
        // Only `import NAME` / `from NAME` start an import: a variable may still be called import.
        #expect(eval("import = 3; import + 1") == "4")
    }
}

/// Python's habits the course relies on.
@Suite struct PythonHabitTests {
    @Test func maxOfTwoNumbersIsPythons() {
        #expect(eval("max(3.0, 4.0)") == "4.0")
        #expect(eval("min(3, 4.5)") == "3")
        #expect(eval("max(2, 2.0)") == "2")
        #expect(eval("max([[1, 5], [3, 2]], axis=1)") == "[5 3]")
        #expect(eval("max([[1, 5], [3, 2]], 1)") == "[5 3]")
    }

    @Test func whereWithTheConditionAloneGivesPositions() {
        #expect(eval("where([0, 3, 0, 5])") == "(array([1, 3]),)")
        #expect(eval("where([1, -1] > 0, 1, 0)") == "[1 0]")
        #expect(
            Harness().error("where([1, -1] > 0, 1)").contains("the condition alone, or the condition with both x and y")
        )
    }
}
