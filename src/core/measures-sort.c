/* measures-sort.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-sort"

#include "config.h"

#include "measures-sort.h"

/* Sort orders by name, as settings and actions give them. */
static const struct {
  const char *name;
  MeasuresSort sort;
  gboolean descending;
} sort_names[] = {
  { "none", MEASURES_SORT_NONE, FALSE },
  { "title", MEASURES_SORT_TITLE, FALSE },
  { "title-descending", MEASURES_SORT_TITLE, TRUE },
  { "country", MEASURES_SORT_COUNTRY, FALSE },
  { "country-descending", MEASURES_SORT_COUNTRY, TRUE },
  { "oldest", MEASURES_SORT_YEAR, FALSE },
  { "newest", MEASURES_SORT_YEAR, TRUE },
  { "type", MEASURES_SORT_TYPE, FALSE },
  { "type-descending", MEASURES_SORT_TYPE, TRUE },
  { "form", MEASURES_SORT_FORM, FALSE },
  { "form-descending", MEASURES_SORT_FORM, TRUE },
};

/**
 * measures_sort_from_name:
 * @name: "title", "country", "newest", "oldest", "none" for the
 *   datasets' order, or a column's order such as "title-descending"
 * @sort: (out): the order
 * @descending: (out): whether it is reversed
 *
 * Returns: whether @name is an order
 */
gboolean
measures_sort_from_name (const char   *name,
                         MeasuresSort *sort,
                         gboolean     *descending)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (sort_names[i].name, name) == 0)
      {
        *sort = sort_names[i].sort;
        *descending = sort_names[i].descending;
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_sort_to_name:
 *
 * Returns: the name of the order, as measures_sort_from_name() reads it
 */
const char *
measures_sort_to_name (MeasuresSort sort,
                       gboolean     descending)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (sort_names[i].sort == sort && sort_names[i].descending == !!descending)
      return sort_names[i].name;

  return "none";
}
