#ifndef KISO_CBLAS_SHIM_H
#define KISO_CBLAS_SHIM_H
// Kiso opens OpenBLAS with dlopen at first use, so this header declares only the types of the
// routines it looks up; nothing here is linked.
#include <cblas.h>
#include <stddef.h>

typedef void (*kiso_dgemm_fn)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, enum CBLAS_TRANSPOSE,
                              blasint, blasint, blasint, double, const double *, blasint,
                              const double *, blasint, double, double *, blasint);

typedef char *(*kiso_get_corename_fn)(void);
typedef int (*kiso_get_num_threads_fn)(void);
typedef void (*kiso_set_num_threads_fn)(int);

// LAPACK's Fortran entry points: every argument by reference, and one trailing length per
// character argument (gfortran's hidden arguments, passed so the calls match the ABI exactly).

typedef void (*kiso_dsyevd_fn)(const char *jobz, const char *uplo, const blasint *n, double *a,
                               const blasint *lda, double *w, double *work, const blasint *lwork,
                               blasint *iwork, const blasint *liwork, blasint *info,
                               size_t jobz_len, size_t uplo_len);

typedef void (*kiso_dgeev_fn)(const char *jobvl, const char *jobvr, const blasint *n, double *a,
                              const blasint *lda, double *wr, double *wi, double *vl,
                              const blasint *ldvl, double *vr, const blasint *ldvr, double *work,
                              const blasint *lwork, blasint *info, size_t jobvl_len,
                              size_t jobvr_len);

typedef void (*kiso_dgesdd_fn)(const char *jobz, const blasint *m, const blasint *n, double *a,
                               const blasint *lda, double *s, double *u, const blasint *ldu,
                               double *vt, const blasint *ldvt, double *work, const blasint *lwork,
                               blasint *iwork, blasint *info, size_t jobz_len);

typedef void (*kiso_dgetrf_fn)(const blasint *m, const blasint *n, double *a, const blasint *lda,
                               blasint *ipiv, blasint *info);

typedef void (*kiso_dgesv_fn)(const blasint *n, const blasint *nrhs, double *a, const blasint *lda,
                              blasint *ipiv, double *b, const blasint *ldb, blasint *info);

typedef void (*kiso_dgelsd_fn)(const blasint *m, const blasint *n, const blasint *nrhs, double *a,
                               const blasint *lda, double *b, const blasint *ldb, double *s,
                               const double *rcond, blasint *rank, double *work,
                               const blasint *lwork, blasint *iwork, blasint *info);

typedef void (*kiso_dgeqrf_fn)(const blasint *m, const blasint *n, double *a, const blasint *lda,
                               double *tau, double *work, const blasint *lwork, blasint *info);

typedef void (*kiso_dorgqr_fn)(const blasint *m, const blasint *n, const blasint *k, double *a,
                               const blasint *lda, const double *tau, double *work,
                               const blasint *lwork, blasint *info);

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

/// 1 when the CPU has AVX2 and FMA and the operating system saves the AVX register state, so
/// code compiled for Haswell-class CPUs can run; 0 otherwise (and on every non-x86 CPU).
static inline int kiso_cpu_has_avx2_fma(void) {
#if defined(__x86_64__) || defined(__i386__)
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    // FMA (ECX bit 12), OSXSAVE (bit 27) and AVX (bit 28).
    const unsigned int features = (1u << 12) | (1u << 27) | (1u << 28);
    if ((ecx & features) != features) return 0;
    unsigned int xcr0_lo = 0, xcr0_hi = 0;
    __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    // XMM and YMM state enabled (XCR0 bits 1 and 2).
    if ((xcr0_lo & 6u) != 6u) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & (1u << 5)) ? 1 : 0;  // AVX2
#else
    return 0;
#endif
}

/// 1 when the CPU has AVX-512F and the operating system saves the AVX-512 register state, so
/// OpenBLAS's SkylakeX kernels can run; 0 otherwise (and on every non-x86 CPU).
static inline int kiso_cpu_has_avx512f(void) {
#if defined(__x86_64__) || defined(__i386__)
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    // OSXSAVE (ECX bit 27) says XGETBV is usable.
    if (!(ecx & (1u << 27))) return 0;
    unsigned int xcr0_lo = 0, xcr0_hi = 0;
    __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    // XMM, YMM, opmask, upper ZMM and high ZMM state must all be enabled (XCR0 bits 1,2,5,6,7).
    const unsigned int needed = (1u << 1) | (1u << 2) | (1u << 5) | (1u << 6) | (1u << 7);
    if ((xcr0_lo & needed) != needed) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    return (ebx & (1u << 16)) ? 1 : 0;
#else
    return 0;
#endif
}

#endif
