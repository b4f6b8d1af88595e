/* measures-writer.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-summary.h"

G_BEGIN_DECLS

/**
 * MeasuresWriterProgress:
 * @done: how many measures are written
 * @total: how many there are
 * @user_data: the data given with the function
 *
 * Told as the measures are written, in the thread that writes them.
 */
typedef void (*MeasuresWriterProgress) (guint    done,
                                        guint    total,
                                        gpointer user_data);

GBytes *measures_writer_html     (MeasuresSummary *summary);
GBytes *measures_writer_markdown (MeasuresSummary *summary);
GBytes *measures_writer_csv      (GPtrArray       *measures,
                                  const char      *lang);
GBytes *measures_writer_json     (GPtrArray       *measures);
gboolean  measures_writer_html_to_stream     (MeasuresSummary         *summary,
                                              GOutputStream           *out,
                                              GCancellable            *cancellable,
                                              GError                 **error);
gboolean  measures_writer_markdown_to_stream (MeasuresSummary         *summary,
                                              GOutputStream           *out,
                                              GCancellable            *cancellable,
                                              GError                 **error);
gboolean  measures_writer_csv_to_stream      (GPtrArray               *measures,
                                              const char              *lang,
                                              GOutputStream           *out,
                                              MeasuresWriterProgress   progress,
                                              gpointer                 user_data,
                                              GCancellable            *cancellable,
                                              GError                 **error);
gboolean  measures_writer_json_to_stream     (GPtrArray               *measures,
                                              GOutputStream           *out,
                                              MeasuresWriterProgress   progress,
                                              gpointer                 user_data,
                                              GCancellable            *cancellable,
                                              GError                 **error);

G_END_DECLS
