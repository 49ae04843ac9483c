import FuzzSupport

/// libFuzzer target `fuzz-check`: see `FuzzHarness.check(_:)` for what one input goes through
/// and `scripts/fuzz.sh` for how it is built and run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzHarness.check(FuzzDriver.data(bytes, count))
    return 0
}

@main enum FuzzCheckMain {
    static func main() { FuzzDriver.run(fuzzCheck) }
}
