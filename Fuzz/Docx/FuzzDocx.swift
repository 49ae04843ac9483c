import FuzzSupport

/// libFuzzer target `fuzz-docx`: see `FuzzHarness.docx(_:)` for what one input goes through
/// and `scripts/fuzz.sh` for how it is built and run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzHarness.docx(FuzzDriver.data(bytes, count))
    return 0
}

@main enum FuzzDocxMain {
    static func main() { FuzzDriver.run(fuzzDocx) }
}
