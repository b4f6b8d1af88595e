/* measures-canvas-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the canvas's text fitting shares with its shortening by words
 * (measures-canvas-shorten.c).
 */

#pragma once

#include "measures-canvas.h"

G_BEGIN_DECLS

GPtrArray *_measures_canvas_shorten_middle (const char   *text,
                                            const double *prefix,
                                            glong         length,
                                            double        ellipsis,
                                            double        max_width,
                                            const guint  *keep,
                                            guint         n_keep);

G_END_DECLS
