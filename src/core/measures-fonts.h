/* measures-fonts.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *measures_fonts_get_family       (void);
const char *measures_fonts_get_svg_family   (void);
void        measures_fonts_set_family       (const char *family);
char       *measures_fonts_family_from_name (const char *font_name);

G_END_DECLS
