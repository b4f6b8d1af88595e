/* measures-wrap-bin.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_WRAP_BIN (measures_wrap_bin_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresWrapBin, measures_wrap_bin, MEASURES, WRAP_BIN, GtkWidget)

GtkWidget *measures_wrap_bin_new       (GtkWidget       *child);
GtkWidget *measures_wrap_bin_get_child (MeasuresWrapBin *self);

G_END_DECLS
