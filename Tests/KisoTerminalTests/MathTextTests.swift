import Foundation
import Testing

@testable import KisoTerminal

@Suite struct MathTextTests {
    static let cases: [(latex: String, expected: String)] = [
        (#"\alpha + \beta"#, "α + β"),
        (#"\sigma^2"#, "σ²"),
        (#"\Sigma \theta \mu"#, "Σ θ μ"),
        (#"x_i"#, "xᵢ"),
        (#"x^2"#, "x²"),
        (#"x_{ij}"#, "xᵢⱼ"),
        (#"e^{x_i}"#, "e^(xᵢ)"),
        (#"\mathrm{softmax}(x)_i = e^{x_i} / \sum_j e^{x_j}"#, "softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ)"),
        (#"\sum_{i=1}^{n} x_i"#, "Σᵢ₌₁ⁿ xᵢ"),
        (#"\prod_k p_k"#, "∏ₖ pₖ"),
        (#"\sqrt{x}"#, "√x"),
        (#"\sqrt{x+1}"#, "√(x+1)"),
        (#"\sqrt{d_k}"#, "√dₖ"),
        (#"\frac{a}{b}"#, "a/b"),
        (#"\frac{a+b}{2}"#, "(a+b)/2"),
        (#"\frac{Q K^T}{\sqrt{d}}"#, "(Q Kᵀ)/√d"),
        (#"W^\top"#, "Wᵀ"),
        (#"a \cdot b"#, "a · b"),
        (#"2 \times 3"#, "2 × 3"),
        (#"a \le b \ge c \ne d \approx e"#, "a ≤ b ≥ c ≠ d ≈ e"),
        (#"n \to \infty"#, "n → ∞"),
        (#"x \in \mathbb{R}^n"#, "x ∈ ℝⁿ"),
        (#"\mathbb{R}^{m \times n}"#, "ℝ^(m×n)"),
        (#"\text{if } x > 0"#, "if x > 0"),
        (#"\left( \frac{1}{2} \right)"#, "( 1/2 )"),
        (#"a \odot b"#, "a ⊙ b"),
        (#"\nabla_\theta L"#, "∇_θ L"),
        (#"\partial f / \partial x"#, "∂ f / ∂ x"),
        (#"\log p + \exp(x) - \max_i z_i"#, "log p + exp(x) - maxᵢ zᵢ"),
        (#"\|x\|_2"#, "‖x‖₂"),
        (#"\cos\theta"#, "cosθ"),
        (#"\hat{y}"#, "ŷ"),
        (#"\mathcal{L}(\theta)"#, "ℒ(θ)"),
        (#"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}"#, "[[1, 2], [3, 4]]"),
        (#"\begin{pmatrix} a \\ b \end{pmatrix}"#, "((a), (b))"),
        (#"\operatorname*{argmax}_k p_k"#, "argmaxₖ pₖ"),
        (#"x^{-1}"#, "x⁻¹"),
        (#"\sqrt[3]{x}"#, "³√x"),
        (#"\unknowncommand"#, "unknowncommand"),
        (#"\frac{1"#, "1/"),
        (#"}{"#, "}"),
    ]

    @Test(arguments: cases) func renders(latex: String, expected: String) {
        #expect(MathText.render(latex) == expected)
    }

    @Test func displayAlignGoesOnRows() {
        let aligned = MathText.render(#"\begin{aligned} y &= Wx + b \\ z &= \sigma(y) \end{aligned}"#, display: true)
        #expect(aligned == "y = Wx + b\nz = σ(y)")
        let cases = MathText.render(
            #"f(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}"#, display: true)
        #expect(cases == "f(x) = { x,  x > 0\n  0,  otherwise")
    }

    @Test func findsMathInProse() {
        #expect(MathText.renderingMath(in: #"the mean $\mu$ and $$\sigma^2$$ cost \$5"#) == "the mean μ and σ² cost $5")
        #expect(MathText.renderingMath(in: "costs $5 and $10 today") == "costs $5 and $10 today")
        #expect(MathText.renderingMath(in: "a $ b $ c") == "a $ b $ c")
        #expect(MathText.renderingMath(in: "unclosed $x") == "unclosed $x")
    }

    @Test func hostileInputIsBounded() {
        let deep = String(repeating: "{", count: 100_000) + "x" + String(repeating: "}", count: 100_000)
        #expect(!MathText.render(deep).isEmpty)
        let scripts = String(repeating: "x^", count: 50_000)
        _ = MathText.render(scripts)
        let fracs = String(repeating: #"\frac"#, count: 10_000)
        _ = MathText.render(fracs)
        _ = MathText.render(String(repeating: #"\sqrt["#, count: 10_000))
        _ = MathText.render(String(repeating: #"\begin{bmatrix}"#, count: 10_000))
        _ = MathText.render("\\")
    }
}

/// Spacing commands beside typed spaces give one space, as the eye expects at 80 columns.
@Suite struct MathSpacingTests {
    @Test(arguments: [
        (#"a \cdot b = \|a\| \, \|b\| \cos\theta"#, "a · b = ‖a‖ ‖b‖ cosθ"),
        (#"\sigma(x) \, (1 - \sigma(x))"#, "σ(x) (1 - σ(x))"),
        (#"x \; y"#, "x y"),
        (#"x\,y"#, "x y"),
    ])
    func oneSpace(latex: String, expected: String) {
        #expect(MathText.render(latex) == expected)
    }
}

/// Every formula in the chapters renders without doubled spaces or leftover LaTeX.
@Suite struct ChapterMathTests {
    static let notebooks: [URL] = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("notebooks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { directory.appendingPathComponent($0) }
    }()

    @Test func everyInlineFormulaReadsCleanly() throws {
        #expect(!Self.notebooks.isEmpty)
        for url in Self.notebooks {
            let text = try String(contentsOf: url, encoding: .utf8)
            for case .math(let latex, let display) in MathText.spans(in: text) where !display {
                let rendered = MathText.render(latex)
                let name = url.lastPathComponent
                if !latex.contains("quad") {
                    #expect(!rendered.contains("  "), "\(name): `\(latex)` renders as `\(rendered)`")
                }
                #expect(!rendered.contains("\\"), "\(name): `\(latex)` renders as `\(rendered)`")
            }
        }
    }
}
