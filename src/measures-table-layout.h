/* measures-table-layout.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_TABLE_LAYOUT (measures_table_layout_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresTableLayout, measures_table_layout, MEASURES, TABLE_LAYOUT, GtkLayoutManager)

GtkLayoutManager *measures_table_layout_new (int   spacing,
                                             guint expand_column);

G_END_DECLS
