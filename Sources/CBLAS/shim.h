#ifndef KISO_CBLAS_SHIM_H
#define KISO_CBLAS_SHIM_H
// Kiso opens OpenBLAS with dlopen at first use, so this header declares only the types of the
// routines it looks up; nothing here is linked.
#include <cblas.h>

typedef void (*kiso_dgemm_fn)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, enum CBLAS_TRANSPOSE,
                              blasint, blasint, blasint, double, const double *, blasint,
                              const double *, blasint, double, double *, blasint);

#endif
