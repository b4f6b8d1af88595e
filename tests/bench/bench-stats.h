/* bench-stats.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures the benchmark programs print of a series of timings.
 */

#pragma once

#include <glib.h>

typedef struct
{
  double median;
  double p95;
  double max;
} BenchStats;

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median, 95th percentile and longest of @values (doubles), which
 * it sorts; zeros when there are none. */
static inline BenchStats
bench_stats (GArray *values)
{
  BenchStats stats = { 0, 0, 0 };

  if (values->len == 0)
    return stats;

  g_array_sort (values, bench_compare_doubles);
  stats.median = g_array_index (values, double, values->len / 2);
  stats.p95 = g_array_index (values, double, MIN (values->len - 1, values->len * 95 / 100));
  stats.max = g_array_index (values, double, values->len - 1);

  return stats;
}
