/* measures-importer.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-dataset.h"

G_BEGIN_DECLS

MeasuresDataset *measures_importer_load_text    (const char  *text,
                                                 gsize        length,
                                                 GFile       *file,
                                                 const char  *name);
GStrv            measures_importer_split_values (const char  *line,
                                                 int          facet);
char            *measures_importer_derive_title (const char  *description);
gboolean         measures_importer_parse_address (const char *url,
                                                  char       **region,
                                                  char       **year,
                                                  char       **slug);
char            *measures_importer_title_from_slug (const char *slug);

G_END_DECLS
