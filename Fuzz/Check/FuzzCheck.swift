import FuzzSupport
import Foundation
import Gouji

/// Fuzzes extraction, binding and checking of arbitrary text: whatever `FlatTextReader` makes of
/// the input (decoded as UTF-8, GB18030 … by `EncodingDetector`) goes through
/// `Pipeline().check(document:)`. A crash, a sanitizer report or a timeout is a bug; findings of
/// any kind are expected.
let pipeline = Pipeline()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = FuzzDriver.data(bytes, count)
    guard let decoded = try? EncodingDetector.decode(data),
          let document = try? FlatTextReader(layout: pipeline.lexicons.layout, limits: pipeline.limits)
            .read(text: decoded.text, path: "fuzz.txt", encoding: decoded.encoding)
    else { return 0 }
    _ = pipeline.check(document: document)
    return 0
}

@main enum FuzzCheckMain {
    static func main() { FuzzDriver.run(fuzzCheck) }
}
