import FuzzSupport

/// libFuzzer target `fuzz-xlsx`: see `FuzzHarness.xlsx(_:)` for what one input goes through
/// and `scripts/fuzz.sh` for how it is built and run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXlsx(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzHarness.xlsx(FuzzDriver.data(bytes, count))
    return 0
}

@main enum FuzzXlsxMain {
    static func main() { FuzzDriver.run(fuzzXlsx) }
}
