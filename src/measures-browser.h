/* measures-browser.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_BROWSER (measures_browser_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresBrowser, measures_browser, MEASURES, BROWSER, GtkWidget)

GtkWidget *measures_browser_new                 (void);
GtkWidget *measures_browser_get_list            (MeasuresBrowser *self);
void       measures_browser_set_list            (MeasuresBrowser *self,
                                                 GtkWidget       *list);
GtkWidget *measures_browser_get_details         (MeasuresBrowser *self);
void       measures_browser_set_details         (MeasuresBrowser *self,
                                                 GtkWidget       *details);
gboolean   measures_browser_get_folded          (MeasuresBrowser *self);
gboolean   measures_browser_get_showing_details (MeasuresBrowser *self);
void       measures_browser_show_details        (MeasuresBrowser *self);
void       measures_browser_go_back             (MeasuresBrowser *self);

G_END_DECLS
