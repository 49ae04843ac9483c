import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks files and folders, streaming the report files it finds in a deterministic order
/// (entries sorted within each folder). Hidden entries (names starting with ".") are skipped.
/// Symbolic links to folders are followed only into folders not visited yet (by device and
/// inode), so a link loop or two links to one folder are walked once. Memory is the listing of
/// the folders on the current path, never the whole archive.
public struct FileWalker: Sendable {
    /// Extensions a reader supports (lowercase, without the dot).
    public static let supportedExtensions: Set<String> = ["txt", "docx", "html", "htm", "xlsx", "doc", "xls"]

    public var extensions: Set<String>

    public init(extensions: Set<String> = FileWalker.supportedExtensions) { self.extensions = extensions }

    /// Absolute, standardized form of a path argument (no symlink resolution).
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Calls `visit` with each file to check, in order; stops early when `visit` returns false.
    /// A root that is a file (or does not exist) is passed on as is, whatever its extension, so
    /// that the checker records it (as unreadable if need be).
    public func walk(_ roots: [String], visit: (String) -> Bool) {
        var visited = Set<FileID>()
        for root in roots {
            let path = Self.absolute(root)
            var st = stat()
            if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                visited.insert(FileID(st))
                if !walkDirectory(path, visited: &visited, visit: visit) { return }
            } else {
                if !visit(path) { return }
            }
        }
    }

    /// Number of files `walk` would visit.
    public func count(_ roots: [String]) -> Int {
        var n = 0
        walk(roots) { _ in n += 1; return true }
        return n
    }

    struct FileID: Hashable {
        var device: UInt64, inode: UInt64
        init(_ st: stat) { device = UInt64(st.st_dev); inode = UInt64(st.st_ino) }
    }

    private func accepts(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Returns false when the visitor asked to stop.
    private func walkDirectory(_ directory: String, visited: inout Set<FileID>, visit: (String) -> Bool) -> Bool {
        guard let dir = opendir(directory) else { return true } // unreadable folder: nothing to list
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue } // ".", ".." and hidden files and folders
            entries.append((name, entry.pointee.d_type))
        }
        closedir(dir)
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for entry in entries {
            let path = directory == "/" ? "/" + entry.name : directory + "/" + entry.name
            var isDirectory = false, isFile = false
            var st = stat()
            switch Int(entry.type) {
            case Int(DT_DIR):
                if stat(path, &st) == 0 { isDirectory = true }
            case Int(DT_REG):
                isFile = true
            default: // symbolic link or a file system that does not report types
                if stat(path, &st) == 0 {
                    isDirectory = (st.st_mode & S_IFMT) == S_IFDIR
                    isFile = (st.st_mode & S_IFMT) == S_IFREG
                } else if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
                    isFile = true // a dangling link with a report's name: let the reader record why
                }
            }
            if isDirectory {
                guard visited.insert(FileID(st)).inserted else { continue } // loop or alias
                if !walkDirectory(path, visited: &visited, visit: visit) { return false }
            } else if isFile, accepts(entry.name) {
                if !visit(path) { return false }
            }
        }
        return true
    }
}
