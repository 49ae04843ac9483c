import FuzzSupport

/// libFuzzer target `fuzz-pdf`: see `FuzzHarness.pdf(_:)` for what one input goes through
/// and `scripts/fuzz.sh` for how it is built and run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzHarness.pdf(FuzzDriver.data(bytes, count))
    return 0
}

@main enum FuzzPDFMain {
    static func main() { FuzzDriver.run(fuzzPDF) }
}
