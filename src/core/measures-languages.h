/* measures-languages.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *measures_languages_get_codes    (void);
const char         *measures_languages_find         (const char *lang);
char               *measures_languages_dup_name     (const char *code);
char               *measures_languages_dup_shown_in (const char *lang);
char               *measures_languages_dup_read_in  (const char *code);
char               *measures_languages_dup_list     (void);
char               *measures_languages_dup_missing_catalogue (const char *lang);

G_END_DECLS
