/* measures-sort.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "measures-index.h"

G_BEGIN_DECLS

gboolean    measures_sort_from_name (const char   *name,
                                     MeasuresSort *sort,
                                     gboolean     *descending);
const char *measures_sort_to_name   (MeasuresSort  sort,
                                     gboolean      descending);

G_END_DECLS
