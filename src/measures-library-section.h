/* measures-library-section.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-index.h"
#include "measures-library.h"
#include "measures-query.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_LIBRARY_SECTION (measures_library_section_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresLibrarySection, measures_library_section, MEASURES, LIBRARY_SECTION, GtkWidget)

void  measures_library_section_set_library (MeasuresLibrarySection *self,
                                            MeasuresLibrary        *library);
void  measures_library_section_set_query   (MeasuresLibrarySection *self,
                                            MeasuresQuery          *query);
void  measures_library_section_set_result  (MeasuresLibrarySection *self,
                                            const MeasuresResult   *result);
guint measures_library_section_get_count   (MeasuresLibrarySection *self,
                                            const char             *collection);

G_END_DECLS
