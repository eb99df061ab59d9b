/// NumPy's `.npy` and `.npz` formats: what `np.save`, `np.savez` write and `np.load` reads.
/// A `.npy` file is a header (magic, version, a Python dict giving dtype, order and shape)
/// followed by the elements little-endian; a `.npz` is a zip archive of `.npy` files, stored
/// without compression as `np.savez` writes them.
public enum NumPyFile {
    /// The `.npy` bytes of `t`: float64 as `<f8`, int64 as `<i8`, bool as `|b1`.
    public static func npy(_ t: Tensor) -> [UInt8] {
        let descr: String
        switch t.dtype {
        case .float64: descr = "<f8"
        case .int64: descr = "<i8"
        case .bool: descr = "|b1"
        }
        let shape =
            t.shape.count == 1 ? "(\(t.shape[0]),)" : "(" + t.shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }"
        // Magic (6) + version (2) + length (2) + header, padded with spaces to 64 bytes, ending in \n.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        let length = header.utf8.count
        bytes += [UInt8(length & 0xff), UInt8(length >> 8)]
        bytes += Array(header.utf8)
        let scalars = t.contiguous().scalars
        bytes.reserveCapacity(bytes.count + scalars.count * 8)
        for x in scalars {
            switch t.dtype {
            case .float64: appendLittleEndian(x.bitPattern, 8, to: &bytes)
            case .int64: appendLittleEndian(UInt64(bitPattern: Int64(x)), 8, to: &bytes)
            case .bool: bytes.append(x != 0 ? 1 : 0)
            }
        }
        return bytes
    }

    /// The `.npz` bytes of named arrays (each stored as `name.npy`).
    public static func npz(_ arrays: [(name: String, tensor: Tensor)]) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        for (name, tensor) in arrays {
            let data = npy(tensor)
            let fileName = Array((name + ".npy").utf8)
            let crc = crc32(data)
            let offset = archive.count
            // Local file header: stored (method 0), dated 1980-01-01 so the bytes are reproducible.
            appendLittleEndian(0x0403_4b50, 4, to: &archive)
            for (value, size) in [(20, 2), (0, 2), (0, 2), (0, 2), (0x21, 2)] as [(UInt64, Int)] {
                appendLittleEndian(value, size, to: &archive)
            }
            appendLittleEndian(UInt64(crc), 4, to: &archive)
            appendLittleEndian(UInt64(data.count), 4, to: &archive)
            appendLittleEndian(UInt64(data.count), 4, to: &archive)
            appendLittleEndian(UInt64(fileName.count), 2, to: &archive)
            appendLittleEndian(0, 2, to: &archive)
            archive += fileName
            archive += data
            appendLittleEndian(0x0201_4b50, 4, to: &directory)
            for (value, size) in [(20, 2), (20, 2), (0, 2), (0, 2), (0, 2), (0x21, 2)] as [(UInt64, Int)] {
                appendLittleEndian(value, size, to: &directory)
            }
            appendLittleEndian(UInt64(crc), 4, to: &directory)
            appendLittleEndian(UInt64(data.count), 4, to: &directory)
            appendLittleEndian(UInt64(data.count), 4, to: &directory)
            appendLittleEndian(UInt64(fileName.count), 2, to: &directory)
            for _ in 0..<4 { appendLittleEndian(0, 2, to: &directory) }
            appendLittleEndian(0, 4, to: &directory)
            appendLittleEndian(UInt64(offset), 4, to: &directory)
            directory += fileName
        }
        let directoryOffset = archive.count
        archive += directory
        appendLittleEndian(0x0605_4b50, 4, to: &archive)
        appendLittleEndian(0, 2, to: &archive)
        appendLittleEndian(0, 2, to: &archive)
        appendLittleEndian(UInt64(arrays.count), 2, to: &archive)
        appendLittleEndian(UInt64(arrays.count), 2, to: &archive)
        appendLittleEndian(UInt64(directory.count), 4, to: &archive)
        appendLittleEndian(UInt64(directoryOffset), 4, to: &archive)
        appendLittleEndian(0, 2, to: &archive)
        return archive
    }

    /// The array in `.npy` bytes (little-endian f8, f4, i8, i4, u1, b1; C order).
    public static func readNPY(_ bytes: [UInt8], name: String = "the file") throws -> Tensor {
        func bad(_ why: String) -> TensorError {
            TensorError(
                .value, "load: \(name) is not a NumPy .npy array (\(why))", hint: "save it with np.save or Kiso's save")
        }
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else {
            throw bad("no NUMPY magic")
        }
        let major = bytes[6]
        let headerStart = major == 1 ? 10 : 12
        guard major == 1 || major == 2 || major == 3, bytes.count >= headerStart else { throw bad("version \(major)") }
        let length = major == 1 ? Int(bytes[8]) | Int(bytes[9]) << 8 : Int(readLittleEndian(bytes, 8, 4) ?? 0)
        guard length >= 0, headerStart + length <= bytes.count else { throw bad("a cut header") }
        let header = String(decoding: bytes[headerStart..<(headerStart + length)], as: UTF8.self)
        func field(_ key: String) -> String? {
            let marker = Array("'\(key)':")
            let characters = Array(header)
            guard characters.count >= marker.count else { return nil }
            for start in 0...(characters.count - marker.count)
            where Array(characters[start..<(start + marker.count)]) == marker {
                return String(characters[(start + marker.count)...].drop { $0 == " " })
            }
            return nil
        }
        guard let descrText = field("descr"), let order = field("fortran_order"), let shapeText = field("shape") else {
            throw bad("a header without descr, fortran_order and shape")
        }
        guard order.hasPrefix("False") else { throw bad("Fortran order, which Kiso does not read") }
        let descr = String(descrText.dropFirst().prefix { $0 != "'" })
        guard let open = shapeText.firstIndex(of: "("), let close = shapeText.firstIndex(of: ")"), open < close else {
            throw bad("a malformed shape")
        }
        let shapeParts = shapeText[shapeText.index(after: open)..<close].split(separator: ",").map {
            String($0.filter { $0 != " " })
        }.filter { !$0.isEmpty }
        var shape: [Int] = []
        for part in shapeParts {
            guard let n = Int(part), n >= 0 else { throw bad("a malformed shape") }
            shape.append(n)
        }
        let count = try Tensor.checkedCount(of: shape, op: "load")
        let (width, dtype): (Int, DType)
        switch descr {
        case "<f8", "<f4": (width, dtype) = (descr == "<f8" ? 8 : 4, .float64)
        case "<i8", "<i4", "|u1", "|i1": (width, dtype) = (descr == "<i8" ? 8 : descr == "<i4" ? 4 : 1, .int64)
        case "|b1": (width, dtype) = (1, .bool)
        default: throw bad("dtype \(descr), which Kiso does not read; use float64, int64 or bool")
        }
        let start = headerStart + length
        guard count <= (bytes.count - start) / width, start + count * width == bytes.count else {
            throw bad("\(bytes.count - start) bytes of data for shape \(formatShape(shape))")
        }
        var scalars = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let offset = start + i * width
            let raw = readLittleEndian(bytes, offset, width) ?? 0
            switch descr {
            case "<f8": scalars[i] = Double(bitPattern: raw)
            case "<f4": scalars[i] = Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
            case "<i8": scalars[i] = Double(Int64(bitPattern: raw))
            case "<i4": scalars[i] = Double(Int32(bitPattern: UInt32(truncatingIfNeeded: raw)))
            case "|i1": scalars[i] = Double(Int8(bitPattern: UInt8(truncatingIfNeeded: raw)))
            default: scalars[i] = Double(raw)
            }
        }
        return try Tensor(shape: shape, scalars: scalars, dtype: dtype)
    }

    /// The named arrays of `.npz` bytes, in the archive's order (stored entries only, as
    /// `np.savez` writes; `np.savez_compressed` archives are refused with a hint).
    public static func readNPZ(_ bytes: [UInt8], name: String = "the file") throws -> [(name: String, tensor: Tensor)] {
        func bad(_ why: String) -> TensorError {
            TensorError(
                .value, "load: \(name) is not a NumPy .npz archive (\(why))",
                hint: "save it with np.savez or Kiso's save")
        }
        var arrays: [(String, Tensor)] = []
        var offset = 0
        while offset + 4 <= bytes.count, readLittleEndian(bytes, offset, 4) == 0x0403_4b50 {
            guard let flags = readLittleEndian(bytes, offset + 6, 2),
                let method = readLittleEndian(bytes, offset + 8, 2),
                let size = readLittleEndian(bytes, offset + 18, 4),
                let nameLength = readLittleEndian(bytes, offset + 26, 2),
                let extraLength = readLittleEndian(bytes, offset + 28, 2)
            else { throw bad("a cut entry") }
            guard method == 0 else {
                throw bad("compressed entries; save with np.savez rather than np.savez_compressed")
            }
            guard flags & 0x8 == 0 else { throw bad("entries whose sizes follow their data") }
            let nameStart = offset + 30
            let extraStart = nameStart + Int(nameLength)
            let dataStart = extraStart + Int(extraLength)
            var dataSize = size
            if size == 0xffff_ffff {
                // ZIP64, as np.savez writes it: the sizes are in extra field 0x0001.
                var field = extraStart
                var found: UInt64?
                while field + 4 <= dataStart, let id = readLittleEndian(bytes, field, 2),
                    let length = readLittleEndian(bytes, field + 2, 2)
                {
                    if id == 1, length >= 16 { found = readLittleEndian(bytes, field + 12, 8) }
                    field += 4 + Int(length)
                }
                guard let found, found < UInt64(bytes.count) else { throw bad("a ZIP64 entry without its sizes") }
                dataSize = found
            }
            guard dataStart <= bytes.count, dataSize <= UInt64(bytes.count - dataStart) else {
                throw bad("a cut entry")
            }
            let dataEnd = dataStart + Int(dataSize)
            guard dataEnd <= bytes.count else { throw bad("a cut entry") }
            var entry = String(decoding: bytes[nameStart..<(nameStart + Int(nameLength))], as: UTF8.self)
            if entry.hasSuffix(".npy") { entry.removeLast(4) }
            arrays.append((entry, try readNPY(Array(bytes[dataStart..<dataEnd]), name: "\(name) [\(entry)]")))
            offset = dataEnd
        }
        guard !arrays.isEmpty || (bytes.count >= 4 && readLittleEndian(bytes, 0, 4) == 0x0605_4b50) else {
            throw bad("no zip entries")
        }
        return arrays
    }
}

/// `value`'s low `size` bytes, least significant first.
private func appendLittleEndian(_ value: UInt64, _ size: Int, to bytes: inout [UInt8]) {
    for k in 0..<size { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) }
}

/// The little-endian number of `size` bytes at `offset`, nil past the end.
private func readLittleEndian(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> UInt64? {
    guard offset >= 0, size <= 8, offset + size <= bytes.count else { return nil }
    var value: UInt64 = 0
    for k in 0..<size { value |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
    return value
}

/// The zip archive's CRC-32 (IEEE 802.3, reflected).
private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xffff_ffff
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
    }
    return ~crc
}
