/* measures-pages.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "measures-summary.h"

G_BEGIN_DECLS

typedef struct _MeasuresPages MeasuresPages;

MeasuresPages *measures_pages_new          (MeasuresSummary *summary,
                                            PangoContext    *context,
                                            double           width,
                                            double           height);
void           measures_pages_free         (MeasuresPages   *self);
guint          measures_pages_get_n_pages  (MeasuresPages   *self);
void           measures_pages_draw         (MeasuresPages   *self,
                                            cairo_t         *cr,
                                            guint            page);
void           measures_paper_size         (double          *width,
                                            double          *height);

G_END_DECLS
