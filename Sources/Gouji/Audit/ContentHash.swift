import Crypto
import Foundation

/// The batch store's content hashes: SHA-256 (FIPS 180-4) by swift-crypto, whose BoringSSL code
/// uses the CPU's SHA extensions where present (a few cycles per byte).
///
/// Why SHA-256: the store decides from the hash alone whether a document's stored findings still
/// describe the bytes on disk. A 64-bit non-cryptographic hash (FNV-1a, xxHash) would do against
/// accidental change, but an archive is evidence in an audit, and whoever edits a report after it
/// was audited should not be able to keep the old "clean" verdict by making a collision, which is
/// easy for a 64-bit hash and infeasible for SHA-256. Tested against the FIPS 180-4 examples
/// (Tests/GoujiTests/Audit/AuditStoreTests.swift) and against Python's hashlib in
/// scripts/checks/batch-kill-resume.sh.
public enum ContentHash {
    /// The lowercase hex SHA-256 digest of `data`.
    public static func hex(_ data: Data) -> String { hex(digest: SHA256.hash(data: data)) }

    public static func hex(_ string: String) -> String { hex(Data(string.utf8)) }

    /// The lowercase hex of a digest's bytes.
    public static func hex<D: Sequence>(digest: D) -> String where D.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest { out.append(hexDigits[Int(b >> 4)]); out.append(hexDigits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
