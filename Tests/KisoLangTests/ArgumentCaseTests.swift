import KisoTensor
import Testing

@testable import KisoLang

/// A builtin call settles most arguments by their case alone (`BuiltinParameter.acceptedCases`,
/// read in place by `Builtin.checkKind`) instead of asking `ParameterKind.accepts`, which would
/// copy the argument. The two must never disagree, whatever the argument holds.
@Suite struct ArgumentCaseTests {
    /// Values of every case the bits cover, with payloads unlike the samples the bits were found
    /// with (non-empty lists, int and bool tensors, a tracked-looking variable's value).
    static func values() throws -> [Value] {
        [
            .number(-2.5), .int(7), .bool(true), .none, .string("float64"),
            .tensor(try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])),
            .tensor(try Tensor(shape: [3], scalars: [1, 0, 1], dtype: .bool)),
            .tensor(Tensor(5, dtype: .int64)),
            .list([.int(1), .int(2)]), .list([.string("a")]), .tuple([.number(1), .list([])]),
            .dict(KisoDict()), .range(KisoRange(start: 0, stop: 5, step: 2)),
            .variable(Variable(try Tensor(shape: [2], scalars: [1, 2]))),
        ]
    }

    @Test func casesTakenAsTheyAreAreCasesTheKindAccepts() throws {
        let values = try Self.values()
        var settledByCase = 0
        for builtin in Registry().functions {
            for (i, parameter) in builtin.parameters.enumerated()
            where !parameter.variadic && !parameter.gathersKeywords {
                for value in values where builtin.acceptedCases[i] & value.caseBit != 0 {
                    settledByCase += 1
                    #expect(
                        parameter.kind.accepts(value) || (parameter.optional && isNoneValue(value)),
                        "\(builtin.name)(\(parameter.name)) would take \(value.kindName) without its check")
                }
            }
        }
        // Almost every argument of every builtin is settled this way.
        #expect(settledByCase > 1000)
    }

    @Test func argumentsOfAnotherKindAreStillRefused() throws {
        let session = Session(output: { _ in })
        let result = session.run("sum(\"text\", axis=-1)")
        #expect(result.error?.message.contains("expected a tensor for `x`, got a string") == true)
        let max = session.run("max(zeros([2, 3]), axis=\"last\")")
        #expect(max.error?.message.contains("for `axis`") == true)
    }
}
