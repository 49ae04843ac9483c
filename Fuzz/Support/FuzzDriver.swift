import Foundation

/// The entry point shared by the fuzz targets.
///
/// Built by `scripts/fuzz.sh` (with `-sanitize=fuzzer,address -DFUZZING`), a target hands its
/// `LLVMFuzzerTestOneInput` to libFuzzer's driver, so libFuzzer's command line (`-max_total_time`,
/// corpus folders, a crash file to reproduce) applies. SwiftPM links every executable with its
/// own `main`, which is why the target calls `LLVMFuzzerRunDriver` instead of relying on
/// libFuzzer's `main`.
///
/// Built plainly (`swift build`), the same target replays the files named on its command line
/// through the callback once each, without instrumentation: `fuzz-docx Corpus/fuzz-crashers/x`.
public enum FuzzDriver {
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    public static func run(_ callback: Callback) -> Never {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
        #else
        let files = CommandLine.arguments.dropFirst()
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(CommandLine.arguments[0]) FILE...  (replays inputs; scripts/fuzz.sh builds the fuzzer)\n".utf8))
            exit(2)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(file): cannot read\n".utf8))
                exit(2)
            }
            let started = Date()
            _ = data.withUnsafeBytes { raw in
                callback(raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
            }
            print("\(file): ok (\(String(format: "%.2f", Date().timeIntervalSince(started))) s)")
        }
        exit(0)
        #endif
    }

    /// The input as `Data` (libFuzzer may pass a null pointer for an empty input).
    public static func data(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let bytes, count > 0 else { return Data() }
        return Data(bytes: bytes, count: count)
    }
}

#if FUZZING
/// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`). Declared here because no
/// header is available to Swift; the signature is `int (int *, char ***, int (*)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzDriver.Callback
) -> Int32
#endif
