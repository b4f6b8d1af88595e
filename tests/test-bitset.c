/* test-bitset.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "measures-bitset.h"

static void
test_sizes (void)
{
  const guint sizes[] = { 0, 1, 63, 64, 65, 127, 128, 1000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(MeasuresBitset) bits = measures_bitset_new (sizes[s]);

      g_assert_cmpuint (measures_bitset_count (bits), ==, 0);
      measures_bitset_fill (bits);
      /* Filling never sets bits past the end. */
      g_assert_cmpuint (measures_bitset_count (bits), ==, sizes[s]);
      measures_bitset_clear (bits);
      g_assert_cmpuint (measures_bitset_count (bits), ==, 0);
    }
}

static void
test_operations (void)
{
  g_autoptr(MeasuresBitset) a = measures_bitset_new (130);
  g_autoptr(MeasuresBitset) b = measures_bitset_new (130);
  g_autoptr(MeasuresBitset) c = NULL;

  for (guint i = 0; i < 130; i += 2)
    measures_bitset_set (a, i);
  for (guint i = 0; i < 130; i += 3)
    measures_bitset_set (b, i);

  g_assert_true (measures_bitset_get (a, 128));
  g_assert_false (measures_bitset_get (a, 129));
  g_assert_cmpuint (measures_bitset_count (a), ==, 65);
  g_assert_cmpuint (measures_bitset_count (b), ==, 44);
  /* Multiples of 6 below 130: 0, 6, …, 126. */
  g_assert_cmpuint (measures_bitset_count_and (a, b), ==, 22);

  c = measures_bitset_copy (a);
  g_assert_true (measures_bitset_equal (a, c));
  measures_bitset_and (c, b);
  g_assert_cmpuint (measures_bitset_count (c), ==, 22);
  measures_bitset_assign (c, a);
  measures_bitset_or (c, b);
  g_assert_cmpuint (measures_bitset_count (c), ==, 65 + 44 - 22);
  g_assert_false (measures_bitset_equal (a, c));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bitset/sizes", test_sizes);
  g_test_add_func ("/bitset/operations", test_operations);

  return g_test_run ();
}
