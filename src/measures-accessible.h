/* measures-accessible.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char      *measures_accessible_strip_mnemonic  (const char *text);
void       measures_accessible_fix_mnemonics   (GtkWidget  *root);
GtkWidget *measures_accessible_find_ancestor   (GtkWidget         *widget,
                                                GtkAccessibleRole  role);
void       measures_accessible_name_scrollers  (GtkWidget         *root,
                                                const char        *name);
void       measures_accessible_follow_combo_row (AdwComboRow      *row);
void       measures_accessible_set_description (GtkWidget  *widget,
                                                const char *description);
void       measures_accessible_set_live        (GtkWidget  *window,
                                                GtkWidget  *live);
void       measures_accessible_announce        (GtkWidget  *widget,
                                                const char *message);
GtkWidget *measures_accessible_find_presented  (GtkWidget  *widget);
void       measures_accessible_watch_windows   (void);

G_END_DECLS
