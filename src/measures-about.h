/* measures-about.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow *measures_about_present       (GtkWindow           *parent);
char      *measures_about_release_notes (const char * const  *langs,
                                         char               **version);

G_END_DECLS
