/* measures-pages.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "measures-summary.h"

G_BEGIN_DECLS

typedef struct _MeasuresPages MeasuresPages;

/**
 * MeasuresPagesProgress:
 * @page: how many pages are laid out, or drawn
 * @n_pages: how many there are; 0 while they are laid out to be counted
 * @laid_out: the share of the summary laid out, from 0 to 1
 * @user_data: the data given with the function
 *
 * Told as the pages of a PDF are laid out, then after each is drawn, in
 * the thread that draws them.
 */
typedef void (*MeasuresPagesProgress) (guint    page,
                                       guint    n_pages,
                                       double   laid_out,
                                       gpointer user_data);

MeasuresPages *measures_pages_new          (MeasuresSummary *summary,
                                            PangoContext    *context,
                                            double           width,
                                            double           height);
void           measures_pages_free         (MeasuresPages   *self);
guint          measures_pages_get_n_pages  (MeasuresPages   *self);
void           measures_pages_draw         (MeasuresPages   *self,
                                            cairo_t         *cr,
                                            guint            page);
GBytes        *measures_pages_write_pdf    (MeasuresSummary       *summary,
                                            MeasuresPagesProgress  progress,
                                            gpointer               user_data,
                                            GCancellable          *cancellable,
                                            GError               **error);
gboolean       measures_pages_write_pdf_to_stream (MeasuresSummary        *summary,
                                                   GOutputStream          *out,
                                                   MeasuresPagesProgress   progress,
                                                   gpointer                user_data,
                                                   GCancellable           *cancellable,
                                                   GError                **error);

G_END_DECLS
