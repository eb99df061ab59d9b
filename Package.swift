// swift-tools-version:6.0
import PackageDescription

// The kernels are optimised in debug builds too: unoptimised SIMD code is some thirty times
// slower, and chapters and tests replay in debug builds.
#if arch(x86_64)
    let vectorKernelSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell", "-O"])]
#else
    let vectorKernelSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "Kiso",
    products: [
        .executable(name: "kiso", targets: ["kiso"]),
        .library(name: "KisoTensor", targets: ["KisoTensor"]),
        .library(name: "KisoLang", targets: ["KisoLang"]),
        .library(name: "KisoPlot", targets: ["KisoPlot"]),
        .library(name: "KisoNN", targets: ["KisoNN"]),
        .library(name: "KisoProbability", targets: ["KisoProbability"]),
        .library(name: "KisoText", targets: ["KisoText"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // Declarations only: OpenBLAS is opened at first use (see BLASLibrary.swift), so that
        // its kernel family can be chosen before it initialises and start-up stays fast.
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .target(
            name: "KisoTensor",
            dependencies: ["CBLAS", "KisoBase", "KisoVectorKernels"]
        ),
        // Vectorised exp, log, sigmoid, softplus and tanh, compiled for AVX2 and FMA; KisoTensor
        // calls them only after checking that the CPU has those instructions (see VectorMath.swift).
        .target(
            name: "KisoVectorKernels",
            swiftSettings: vectorKernelSettings
        ),
        // Environment, files written atomically, terminal column widths: what several layers
        // need from the system, with no dependencies of its own.
        .target(name: "KisoBase"),
        // Terminal plots: numbers and labels in, lines of text out; depends on KisoBase only.
        .target(name: "KisoPlot", dependencies: ["KisoBase"]),
        .target(
            name: "KisoLang",
            dependencies: ["KisoBase", "KisoTensor", "KisoPlot", "KisoNN", "KisoProbability", "KisoText"],
            // The interpreter's state lives in class properties, and each access to one is checked
            // for exclusivity at run time; in a loop turn those checks cost a quarter of the time.
            // Debug builds keep them, so tests still catch a violation.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(name: "KisoNotebook", dependencies: ["KisoBase"]),
        // Exercises that check themselves: answers compared with the solution's, diagnoses, progress.
        .target(
            name: "KisoLesson",
            dependencies: ["KisoBase", "KisoLang", "KisoNotebook", "KisoTensor"]
        ),
        // Tokenisers: byte-pair encoding training, encoding and files; depends on KisoBase only.
        .target(name: "KisoText", dependencies: ["KisoBase"]),
        // Losses, activations, optimizers and toy datasets over the differentiable Variable.
        .target(name: "KisoNN", dependencies: ["KisoTensor"]),
        // Distributions, special functions with their derivatives, KL divergences and
        // variational bounds over the differentiable Variable.
        .target(name: "KisoProbability", dependencies: ["KisoTensor"]),
        // GNU readline, linked at build time: the REPL needs it from the first prompt.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(
            name: "KisoTerminal",
            dependencies: ["CReadline", "KisoBase"]
        ),
        .executableTarget(
            name: "kiso",
            dependencies: [
                "KisoBase", "KisoTensor", "KisoLang", "KisoNotebook", "KisoLesson", "KisoTerminal", "KisoPlot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times byte-pair encoding training and encoding for scripts/bench_bpe.py.
        .executableTarget(
            name: "kiso-bpe-bench",
            dependencies: ["KisoText"],
            path: "benchmarks/kiso-bpe-bench"
        ),
        // The fuzzer: generated and mutated programs under a timeout and memory limit
        // (`make fuzz`, and a bounded campaign in `make test`).
        .executableTarget(
            name: "kiso-fuzz",
            dependencies: ["KisoBase", "KisoLang", "KisoTensor"],
            path: "fuzz/kiso-fuzz"
        ),
        .executableTarget(
            name: "kiso-bench",
            dependencies: ["KisoTensor"],
            path: "benchmarks/kiso-bench"
        ),
        .testTarget(
            name: "KisoCLITests",
            dependencies: ["kiso", "KisoBase", "KisoTensor", "KisoLang", "KisoNotebook", "KisoLesson", "KisoTestSupport"],
            path: "Tests/KisoCLITests",
            exclude: ["Fixtures"]
        ),
        // Reads the reference fixtures for the test targets; not part of any product.
        .target(
            name: "KisoTestSupport",
            dependencies: ["KisoTensor"],
            path: "Tests/KisoTestSupport"
        ),
        .testTarget(
            name: "KisoTensorTests",
            dependencies: ["KisoTensor", "KisoTestSupport"],
            path: "Tests/KisoTensorTests"
        ),
        .testTarget(
            name: "KisoPlotTests",
            dependencies: ["KisoPlot", "KisoBase"],
            path: "Tests/KisoPlotTests"
        ),
        // Counts the heap allocations of a stretch of code, for the allocation-budget tests; the
        // test executable defines malloc and friends itself (no preloaded library).
        .target(
            name: "KisoAllocationCounter",
            path: "Tests/KisoAllocationCounter"
        ),
        .testTarget(
            name: "KisoLangTests",
            dependencies: [
                "KisoLang", "KisoTensor", "KisoPlot", "KisoNN", "KisoTestSupport", "KisoAllocationCounter", "KisoBase",
            ],
            path: "Tests/KisoLangTests"
        ),
        .testTarget(
            name: "KisoNNTests",
            dependencies: ["KisoNN", "KisoTensor", "KisoTestSupport"],
            path: "Tests/KisoNNTests"
        ),
        .testTarget(
            name: "KisoProbabilityTests",
            dependencies: ["KisoProbability", "KisoTensor", "KisoTestSupport"],
            path: "Tests/KisoProbabilityTests"
        ),
        .testTarget(
            name: "KisoTextTests",
            dependencies: ["KisoText", "KisoTestSupport"],
            path: "Tests/KisoTextTests"
        ),
        .testTarget(
            name: "KisoNotebookTests",
            dependencies: ["KisoNotebook", "KisoBase"],
            path: "Tests/KisoNotebookTests"
        ),
        .testTarget(
            name: "KisoLessonTests",
            dependencies: ["KisoLesson", "KisoLang", "KisoNotebook", "KisoTensor"],
            path: "Tests/KisoLessonTests"
        ),
        .testTarget(
            name: "KisoTerminalTests",
            dependencies: ["KisoTerminal", "KisoBase", "KisoPlot", "CReadline"],
            path: "Tests/KisoTerminalTests"
        ),
    ]
)
