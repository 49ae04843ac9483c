import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Converts legacy Office files (.doc, .xls) to .docx and .xlsx with LibreOffice:
///
///     soffice --headless --norestore -env:UserInstallation=file:///<private dir>/profile \
///             --convert-to docx --outdir <private dir>/out <private dir>/input.doc
///
/// The input is copied into a private temporary folder (mode 0700) that also holds
/// LibreOffice's profile (so conversions never share or touch a user profile, and may run
/// concurrently) and the output; the folder is removed afterwards. The process runs in its own
/// process group (Foundation's `Process` makes one per child), which is killed as a whole when
/// the time limit passes.
public struct LibreOfficeConverter: Sendable {
    /// The folders searched for `soffice`, in order (PATH's value).
    public var searchPath: String?
    /// Longest a conversion may take.
    public var timeout: TimeInterval

    /// `searchPath`: nil for the PATH of this process.
    public init(searchPath: String? = nil, timeout: TimeInterval = 120) {
        self.searchPath = searchPath
        self.timeout = timeout
    }

    /// The `soffice` executable, or nil when none is on the search path.
    public func locate() -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = "\(folder)/soffice"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The bytes of `data` (a file with extension `from`, such as "doc") converted to `to`
    /// ("docx" or "xlsx"). Throws `needsLibreOffice` when soffice is missing and
    /// `conversionFailed` when it fails, times out or writes nothing.
    public func convert(_ data: Data, from: String, to: String) throws -> Data {
        guard let soffice = locate() else { throw ReadError.needsLibreOffice(".\(from)") }
        let folder = try Self.privateFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = "\(folder)/input.\(from)"
        let output = "\(folder)/out"
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: false)
            try data.write(to: URL(fileURLWithPath: input))
        } catch {
            throw ReadError.conversionFailed("cannot write the temporary copy: \(error.localizedDescription)")
        }
        let log = "\(folder)/soffice.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["--headless", "--norestore", "-env:UserInstallation=file://\(folder)/profile",
                             "--convert-to", to, "--outdir", output, input]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let logHandle = FileHandle(forWritingAtPath: log)
        process.standardOutput = logHandle ?? FileHandle.nullDevice
        process.standardError = logHandle ?? FileHandle.nullDevice
        defer { try? logHandle?.close() }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            throw ReadError.conversionFailed("cannot start \(soffice): \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            Self.killGroup(of: process.processIdentifier)
            _ = finished.wait(timeout: .now() + 10)
            throw ReadError.conversionFailed("no result within \(Int(timeout)) s; the conversion was stopped")
        }
        let produced = "\(output)/input.\(to)"
        guard let result = FileManager.default.contents(atPath: produced), !result.isEmpty else {
            let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let last = said.split(whereSeparator: \.isNewline).last.map { String($0.prefix(160)) } ?? ""
            throw ReadError.conversionFailed("exit code \(process.terminationStatus), no .\(to) written\(last.isEmpty ? "" : ": \(last)")")
        }
        return result
    }

    /// Kills the process and everything it started (its process group, when it leads one).
    private static func killGroup(of pid: Int32) {
        if getpgid(pid) == pid { kill(-pid, SIGKILL) } else { kill(pid, SIGKILL) }
    }

    /// A new folder only this user can enter, under the temporary folder.
    private static func privateFolder() throws -> String {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array("\(base)/gouji-soffice-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ReadError.conversionFailed("cannot make a temporary folder: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }
}
