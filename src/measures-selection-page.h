/* measures-selection-page.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-library.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_SELECTION_PAGE (measures_selection_page_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresSelectionPage, measures_selection_page, MEASURES, SELECTION_PAGE, GtkWidget)

void measures_selection_page_set_library   (MeasuresSelectionPage *self,
                                            MeasuresLibrary       *library);
void measures_selection_page_set_selection (MeasuresSelectionPage *self,
                                            const char * const    *ids);

G_END_DECLS
