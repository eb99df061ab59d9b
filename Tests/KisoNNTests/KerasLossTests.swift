import KisoTestSupport
import Testing

@testable import KisoNN
@testable import KisoTensor

/// The losses `compile` takes by name against Keras 3 (torch backend): the mean loss over a batch
/// and its gradient with respect to the prediction, on outputs of the activation each loss is made
/// for and on raw scores, which Keras rescales and clips as if they were probabilities
/// (scripts/gen_keras_fixtures.py).
@Suite struct KerasLossTests {
    @Test func everyLossAndItsGradientMatchKeras() throws {
        let cases = try Fixture.cases("keras_losses")
        #expect(cases.count >= 8)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let loss = try KerasLoss(named: c["loss"] as? String ?? "")
            let target = try Fixture.tensor(c["target"])
            let prediction = try Fixture.tensor(c["prediction"])
            let (value, gradients) = try valueAndGradient(of: { try loss($0[0], target) }, at: [prediction])
            let expected = c["value"] as? Double ?? .nan
            // Keras 3.15's torch backend computes the loss in float32 even for float64 inputs.
            #expect(abs(value.scalars[0] - expected) <= 1e-6 * abs(expected), "\(name): \(value.scalars[0])")
            #expect(
                mismatch(gradients[0], try Fixture.tensor(c["gradient"]), rtol: 2e-6, atol: 1e-7) == nil,
                "\(name): gradient")
        }
    }
}
