/* measures-writer.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-summary.h"

G_BEGIN_DECLS

GBytes *measures_writer_html     (MeasuresSummary *summary);
GBytes *measures_writer_markdown (MeasuresSummary *summary);
GBytes *measures_writer_csv      (GPtrArray       *measures,
                                  const char      *lang);
GBytes *measures_writer_json     (GPtrArray       *measures);

G_END_DECLS
