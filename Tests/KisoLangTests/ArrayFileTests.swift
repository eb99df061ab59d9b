import Foundation
import KisoTestSupport
import Testing

@testable import KisoLang
@testable import KisoTensor

/// save/load of .npy and .npz files and a model's weights: NumPy's files read by Kiso, Kiso's
/// file read by NumPy (scripts/gen_npz_fixtures.py), round trips, and the working-folder rule.
@Suite struct ArrayFileTests {
    /// A harness whose files go to a fresh temporary folder.
    private func harness() throws -> (Harness, String) {
        let folder = NSTemporaryDirectory() + "kiso-array-files-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let h = Harness()
        h.session.directory = folder
        return (h, folder)
    }

    @Test func readsWhatNumPyWrites() throws {
        let h = Harness()
        h.run("a = load(\"\(Fixture.directory.path)/numpy_arrays.npz\")")
        for c in try Fixture.cases("numpy_arrays") {
            let name = c["name"] as? String ?? ""
            let expected = try Fixture.tensor(c["value"])
            let shape =
                expected.shape.count == 1
                ? "(\(expected.shape[0]),)" : "(" + expected.shape.map(String.init).joined(separator: ", ") + ")"
            let values = "[" + expected.scalars.map { "\($0)" }.joined(separator: ", ") + "]"
            #expect(h.run("a[\"\(name)\"].shape") == shape, "\(name)")
            #expect(
                h.run("all(a[\"\(name)\"].reshape([-1]) == \(values))") == "True", "\(name): \(h.run("a[\"\(name)\"]"))"
            )
            let dtype = expected.dtype == .bool ? "bool" : expected.dtype == .int64 ? "int64" : "float64"
            #expect(h.run("str(a[\"\(name)\"].dtype)") == "'\(dtype)'", "\(name)")
        }
    }

    /// The committed kiso_weights.npz is what Kiso's writer makes for these arrays, and the
    /// fixture script has read it back with np.load.
    @Test func writesWhatNumPyReads() throws {
        let arrays: [(name: String, tensor: Tensor)] = [
            ("dense/kernel", try Tensor(shape: [2, 3], scalars: (0..<6).map { Double($0) / 4 })),
            ("dense/bias", try Tensor(shape: [3], scalars: [0.5, -1.25, 3.0])),
            ("counts", try Tensor(shape: [3], scalars: [1, 2, 3], dtype: .int64)),
        ]
        let committed = try Data(contentsOf: Fixture.directory.appendingPathComponent("kiso_weights.npz"))
        #expect(NumPyFile.npz(arrays) == [UInt8](committed))
        let back = try NumPyFile.readNPZ([UInt8](committed))
        #expect(back.map(\.name) == arrays.map(\.name))
        for (a, b) in zip(back, arrays) {
            #expect(
                a.tensor.shape == b.tensor.shape && a.tensor.scalars == b.tensor.scalars
                    && a.tensor.dtype == b.tensor.dtype)
        }
    }

    @Test func tensorsAndWeightsRoundTrip() throws {
        let (h, folder) = try harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        h.run(
            "x = arange(12.0).reshape([3, 4]) / 7\nsave(\"x.npy\", x)\nsave(\"d.npz\", {\"a\": x, \"b\": [1, 2], \"c\": x > 0.5})"
        )
        #expect(h.run("all(load(\"x.npy\") == x)") == "True")
        #expect(
            h.run("d = load(\"d.npz\")\n(list(d.keys()), str(d[\"b\"].dtype), str(d[\"c\"].dtype))")
                == "(['a', 'b', 'c'], 'int64', 'bool')")
        #expect(FileManager.default.fileExists(atPath: folder + "/x.npy"))
        h.run(
            """
            m = Sequential([Dense(3, activation="relu"), BatchNormalization(), Dense(1)], input_shape=[2], seed=1)
            x = [[0.5, -1.0], [2.0, 0.25]]
            y0 = m(x)
            m.save_weights("m.npz")
            m2 = Sequential([Dense(3, activation="relu"), BatchNormalization(), Dense(1)], input_shape=[2], seed=2)
            """)
        #expect(h.run("all(m2(x) == y0)") == "False")
        h.run("m2.load_weights(\"m.npz\")")
        #expect(h.run("all(m2(x) == y0)") == "True")
        #expect(h.run("list(load(\"m.npz\").keys())[3]") == "'batch_normalization/beta'")
        #expect(
            h.error("Sequential([Dense(3), BatchNormalization(), Dense(1)], input_shape=[3]).load_weights(\"m.npz\")")
                .contains("`dense/kernel` in m.npz has shape (2,3), the model's has (3,3)"))
        #expect(
            h.error("Sequential([Dense(3), Dense(1)], input_shape=[2]).load_weights(\"m.npz\")").contains(
                "m.npz holds `batch_normalization/gamma`, which the model `sequential` lacks"))
    }

    @Test func writesStayInsideTheWorkingFolder() throws {
        let (h, folder) = try harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(h.error("save(\"../outside.npy\", [1.0])").contains("../outside.npy is outside the working folder"))
        #expect(h.error("save(\"/tmp/kiso-outside.npy\", [1.0])").contains("is outside the working folder"))
        #expect(h.error("save(\"x.txt\", [1.0])").contains("must end in .npy"))
        #expect(h.error("load(\"missing.npy\")").contains("cannot read missing.npy"))
        h.run("save(\"notes.npy\", [1.0])")
        try Data("not numpy".utf8).write(to: URL(fileURLWithPath: folder + "/bad.npy"))
        #expect(h.error("load(\"bad.npy\")").contains("is not a NumPy .npy array"))
    }

    @Test func removeDeletesFilesInTheWorkingFolderOnly() throws {
        let (h, folder) = try harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        h.run("save(\"gone.npy\", [1.0])")
        #expect(FileManager.default.fileExists(atPath: folder + "/gone.npy"))
        #expect(h.error("remove(\"gone.npy\")") == "no error: ")
        #expect(!FileManager.default.fileExists(atPath: folder + "/gone.npy"))
        #expect(h.error("remove(\"gone.npy\")").contains("cannot remove gone.npy: no such file"))
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        #expect(h.error("remove(\"sub\")").contains("is a folder; only files are removed"))
        #expect(FileManager.default.fileExists(atPath: folder + "/sub"))
        #expect(h.error("remove(\"../x.npy\")").contains("../x.npy is outside the working folder"))
    }

    @Test func callbacksWriteLogsAndCheckpoints() throws {
        let (h, folder) = try harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        h.run(
            """
            X, y = make_moons(60, noise=0.1, random_state=0)
            m = Sequential([Dense(4, activation="relu"), Dense(1, activation="sigmoid")], input_shape=[2], seed=1)
            m.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
            h = m.fit(X, y, epochs=3, validation_split=0.2, verbose=0, callbacks=[CSVLogger("log.csv"), ModelCheckpoint("best.npz", save_best_only=true)])
            """)
        let csv = try String(contentsOfFile: folder + "/log.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "epoch,accuracy,loss,val_accuracy,val_loss")
        #expect(lines.count == 4)
        #expect(lines.last?.hasPrefix("2,") == true)
        #expect(
            h.run("list(load(\"best.npz\").keys())")
                == "['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']")
        // As Keras: names in alphabetical order (learning_rate, logged with a schedule, among
        // them) and val_ columns of NA when there is no validation data.
        h.run(
            """
            halve(epoch, lr) = lr / 2
            m.fit(X, y, epochs=2, verbose=0, callbacks=[CSVLogger("plain.csv"), LearningRateScheduler(halve)])
            """)
        let plain = try String(contentsOfFile: folder + "/plain.csv", encoding: .utf8).split(separator: "\n")
        #expect(
            plain.first == "epoch,accuracy,learning_rate,loss,val_accuracy,val_learning_rate,val_loss", "\(plain)")
        #expect(plain.count == 3)
        #expect(plain.last?.hasPrefix("1,") == true && plain.last?.hasSuffix(",NA,NA,NA") == true, "\(plain)")
        #expect(plain.last?.contains(",0.00025,") == true, "\(plain)")
    }
}
