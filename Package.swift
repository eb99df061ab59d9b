// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kiso",
    products: [
        .executable(name: "kiso", targets: ["kiso"]),
        .library(name: "KisoTensor", targets: ["KisoTensor"]),
        .library(name: "KisoPlot", targets: ["KisoPlot"]),
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
            dependencies: ["CBLAS"]
        ),
        // Terminal plots: numbers and labels in, lines of text out; depends on nothing else.
        .target(name: "KisoPlot"),
        .executableTarget(
            name: "kiso",
            dependencies: [
                "KisoTensor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "kiso-bench",
            dependencies: ["KisoTensor"],
            path: "benchmarks/kiso-bench"
        ),
        .testTarget(
            name: "KisoTensorTests",
            dependencies: ["KisoTensor"],
            path: "Tests/KisoTensorTests"
        ),
        .testTarget(
            name: "KisoPlotTests",
            dependencies: ["KisoPlot"],
            path: "Tests/KisoPlotTests"
        ),
    ]
)
