import FuzzSupport

/// libFuzzer target `fuzz-flattext`: see `FuzzHarness.flatText(_:)` for what one input goes through
/// and `scripts/fuzz.sh` for how it is built and run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFlatText(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzHarness.flatText(FuzzDriver.data(bytes, count))
    return 0
}

@main enum FuzzFlatTextMain {
    static func main() { FuzzDriver.run(fuzzFlatText) }
}
