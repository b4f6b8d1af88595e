/* measures-resolver.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "measures-index.h"
#include "measures-query.h"
#include "measures-vocabulary.h"

G_BEGIN_DECLS

char     *measures_resolve_value (MeasuresFacet   facet,
                                  const char     *text,
                                  MeasuresIndex  *index,
                                  GError        **error);
gboolean  measures_resolve_query (MeasuresQuery  *query,
                                  MeasuresIndex  *index,
                                  GError        **error);
char     *measures_resolve_closest (const char         *text,
                                    const char * const *names,
                                    guint               n_names,
                                    guint               max);

G_END_DECLS
