/// NumPy's pairwise summation (`pairwise_sum` in its loops): eight running partial sums in
/// blocks of up to 128 elements, halves added recursively above that. It keeps the rounding
/// error of long sums at O(log n) and makes Kiso's sums agree with NumPy's.
func pairwiseSum(_ a: UnsafePointer<Double>, count n: Int, stride: Int) -> Double {
    if n < 8 {
        var result = -0.0
        var p = a
        for _ in 0..<n {
            result += p.pointee
            p += stride
        }
        return result
    }
    if n <= 128 {
        var r0 = a[0]
        var r1 = a[stride]
        var r2 = a[2 * stride]
        var r3 = a[3 * stride]
        var r4 = a[4 * stride]
        var r5 = a[5 * stride]
        var r6 = a[6 * stride]
        var r7 = a[7 * stride]
        var i = 8
        let end = n - n % 8
        while i < end {
            let p = a + i * stride
            r0 += p[0]
            r1 += p[stride]
            r2 += p[2 * stride]
            r3 += p[3 * stride]
            r4 += p[4 * stride]
            r5 += p[5 * stride]
            r6 += p[6 * stride]
            r7 += p[7 * stride]
            i += 8
        }
        var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n {
            result += a[i * stride]
            i += 1
        }
        return result
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(a, count: half, stride: stride) + pairwiseSum(a + half * stride, count: n - half, stride: stride)
}
