import Foundation

/// A finding's identity that survives edits elsewhere in the report: its rule, the subjects of
/// its figures and the figures as written (for a finding without figures, the text at its
/// locations), never offsets or line numbers. The n-th repeat of the same identity in one
/// document gets ":n", so two identical findings stay two. Used by baselines, the
/// configuration's `accept`, and SARIF `partialFingerprints`.
public enum FindingFingerprint {
    /// The fingerprint of every finding of a document, in the findings' order.
    public static func of(_ findings: [Finding], in document: Document?) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { f in
            let base = identity(f, in: document)
            let n = (seen[base] ?? 0) + 1
            seen[base] = n
            return n == 1 ? base : "\(base):\(n)"
        }
    }

    /// 16 hex digits of the SHA-256 of the finding's identity.
    static func identity(_ f: Finding, in document: Document?) -> String {
        let subjects = Set(f.figures.compactMap(\.subject)).sorted()
        var texts = f.figures.map(\.text)
        if let document {
            for loc in f.locations where loc.start < loc.end {
                texts.append(document.lines.text(from: loc.start, to: min(loc.end, loc.start + 40)))
            }
        }
        let key = ([f.rule, subjects.joined(separator: "\u{1E}")] + texts).joined(separator: "\u{1F}")
        return String(ContentHash.hex(key).prefix(16))
    }
}
