/* measures-search-provider.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-session.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_SEARCH_PROVIDER (measures_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresSearchProvider, measures_search_provider, MEASURES, SEARCH_PROVIDER, GObject)

MeasuresSearchProvider *measures_search_provider_new          (GApplication           *application);
gboolean                measures_search_provider_export       (MeasuresSearchProvider *self,
                                                               GDBusConnection        *connection,
                                                               const char             *object_path,
                                                               GError                **error);
void                    measures_search_provider_unexport     (MeasuresSearchProvider *self);
gboolean                measures_search_provider_get_loaded   (MeasuresSearchProvider *self);
void                    measures_search_provider_preload      (MeasuresSearchProvider *self);
gboolean                measures_search_provider_shows_library (MeasuresSearchProvider *self,
                                                                MeasuresSession        *session);

G_END_DECLS
