/* measures-preferences-window.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_PREFERENCES_WINDOW (measures_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresPreferencesWindow, measures_preferences_window, MEASURES, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *measures_preferences_window_new              (GtkWindow *parent);
void       measures_preferences_apply_content_language (GSettings *settings);

G_END_DECLS
