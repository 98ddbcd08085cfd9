// COpenBLAS — the C surface IntegrityStats uses from OpenBLAS.
//
// OpenBLAS (Debian's libopenblas-dev) ships cblas.h and exports LAPACK's Fortran
// symbols, but no LAPACKE and no lapack.h, so the LAPACK prototypes we call are
// declared here. LP64: Fortran INTEGER is `int`. Every CHARACTER argument adds a
// hidden `size_t` length at the end of the argument list (pass 1).
//
// The library is not linked: IntegrityNumerics/OpenBLAS.swift opens it (dlopen) the
// first time a routine is needed and calls through pointers of the `*_fn` types
// below, taken from these declarations; the declarations themselves are never
// called (a direct call would fail to link). Only IntegrityNumerics/OpenBLAS.swift,
// LAPACK.swift and BLAS.swift use this module.
#ifndef INTEGRITYSTATS_COPENBLAS_SHIM_H
#define INTEGRITYSTATS_COPENBLAS_SHIM_H

#include <stddef.h>
#include <cblas.h>

typedef int lapack_int_t;

// Stops OpenBLAS's helper threads (pthread build; exported, and what OpenBLAS's own
// fork handler calls). Its constructor starts one per core before `main`, and they
// spin waiting for work; with one thread set they are never needed again.
int blas_thread_shutdown_(void);

// QR factorization with column pivoting: A·P = Q·R.
void dgeqp3_(const lapack_int_t *m, const lapack_int_t *n, double *a,
             const lapack_int_t *lda, lapack_int_t *jpvt, double *tau,
             double *work, const lapack_int_t *lwork, lapack_int_t *info);

// QR factorization without pivoting: A = Q·R.
void dgeqrf_(const lapack_int_t *m, const lapack_int_t *n, double *a,
             const lapack_int_t *lda, double *tau, double *work,
             const lapack_int_t *lwork, lapack_int_t *info);

// Multiply by Q or Qᵀ from dgeqrf/dgeqp3.
void dormqr_(const char *side, const char *trans, const lapack_int_t *m,
             const lapack_int_t *n, const lapack_int_t *k, const double *a,
             const lapack_int_t *lda, const double *tau, double *c,
             const lapack_int_t *ldc, double *work, const lapack_int_t *lwork,
             lapack_int_t *info, size_t side_len, size_t trans_len);

// Triangular solve A·X = B or Aᵀ·X = B.
void dtrtrs_(const char *uplo, const char *trans, const char *diag,
             const lapack_int_t *n, const lapack_int_t *nrhs, const double *a,
             const lapack_int_t *lda, double *b, const lapack_int_t *ldb,
             lapack_int_t *info, size_t uplo_len, size_t trans_len,
             size_t diag_len);

// Inverse of a triangular matrix.
void dtrtri_(const char *uplo, const char *diag, const lapack_int_t *n,
             double *a, const lapack_int_t *lda, lapack_int_t *info,
             size_t uplo_len, size_t diag_len);

// Minimum-norm least squares by divide-and-conquer SVD.
void dgelsd_(const lapack_int_t *m, const lapack_int_t *n,
             const lapack_int_t *nrhs, double *a, const lapack_int_t *lda,
             double *b, const lapack_int_t *ldb, double *s, const double *rcond,
             lapack_int_t *rank, double *work, const lapack_int_t *lwork,
             lapack_int_t *iwork, lapack_int_t *info);

// The routines as the pointer types dlsym's results are cast to.
typedef __typeof__(&dgeqp3_) dgeqp3_fn;
typedef __typeof__(&dgeqrf_) dgeqrf_fn;
typedef __typeof__(&dormqr_) dormqr_fn;
typedef __typeof__(&dtrtrs_) dtrtrs_fn;
typedef __typeof__(&dtrtri_) dtrtri_fn;
typedef __typeof__(&dgelsd_) dgelsd_fn;
typedef __typeof__(&cblas_dgemm) cblas_dgemm_fn;
typedef __typeof__(&openblas_set_num_threads) openblas_set_num_threads_fn;
typedef __typeof__(&blas_thread_shutdown_) blas_thread_shutdown_fn;

#endif
