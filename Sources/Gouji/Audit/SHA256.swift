import Foundation

/// SHA-256 (FIPS 180-4), written from the standard for the batch store's content hashes.
///
/// Why SHA-256 and why here: the store decides from the hash alone whether a document's stored
/// findings still describe the bytes on disk. A 64-bit non-cryptographic hash (FNV-1a, xxHash)
/// would do against accidental change, but an archive is evidence in an audit, and whoever edits
/// a report after it was audited should not be able to keep the old "clean" verdict by making a
/// collision, which is easy for a 64-bit hash and infeasible for SHA-256. Foundation on Linux has
/// no CryptoKit, and apple/swift-crypto would add BoringSSL (minutes of compilation on 2 cores)
/// for one function; the algorithm is 80 lines and is tested against the FIPS 180-4 example
/// vectors (Tests/GoujiTests/AuditStoreTests.swift) and against Python's hashlib in
/// scripts/checks/batch-kill-resume.sh. Reports are ~10-100 KB, so its speed (hundreds of
/// MB/s in release builds) is far below the cost of checking a report.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public init() {}

    /// The lowercase hex digest of `data`.
    public static func hex(_ data: Data) -> String {
        var h = SHA256()
        h.update(data)
        return hexDigits(h.finalize())
    }

    /// Lowercase hex of bytes (Foundation's `String(format:)` per byte cost more than hashing).
    static func hexDigits(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hex(_ string: String) -> String { hex(Data(string.utf8)) }

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var i = 0
            let n = raw.count
            length &+= UInt64(n)
            // Top up a partial block first.
            if !buffer.isEmpty {
                while i < n && buffer.count < 64 { buffer.append(raw[i]); i += 1 }
                if buffer.count == 64 {
                    buffer.withUnsafeBytes { compress($0, 0) }
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            while n - i >= 64 { compress(raw, i); i += 64 }
            while i < n { buffer.append(raw[i]); i += 1 }
        }
    }

    /// The 32-byte digest; the hasher must not be used afterwards.
    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        buffer.append(0x80)
        if buffer.count > 56 {
            while buffer.count < 64 { buffer.append(0) }
            buffer.withUnsafeBytes { compress($0, 0) }
            buffer.removeAll(keepingCapacity: true)
        }
        while buffer.count < 56 { buffer.append(0) }
        for i in (0..<8).reversed() { buffer.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        buffer.withUnsafeBytes { compress($0, 0) }
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        return words.flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (24 - 8 * UInt32($0))) } }
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    private mutating func compress(_ raw: UnsafeRawBufferPointer, _ offset: Int) {
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        for t in 0..<16 {
            let o = offset + 4 * t
            w[t] = UInt32(raw[o]) << 24 | UInt32(raw[o + 1]) << 16 | UInt32(raw[o + 2]) << 8 | UInt32(raw[o + 3])
        }
        for t in 16..<64 {
            let s0 = Self.rotr(w[t - 15], 7) ^ Self.rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = Self.rotr(w[t - 2], 17) ^ Self.rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = state
        for t in 0..<64 {
            let s1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
            let ch = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ ch &+ Self.k[t] &+ w[t]
            let s0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            h = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                 state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
      }
    }
}
