/* measures-translations.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The gettext domain of iso-codes that names the countries of ISO 3166-1. */
#define ISO_3166_DOMAIN "iso_3166-1"

typedef struct _MeasuresTranslations MeasuresTranslations;

MeasuresTranslations *measures_translations_new      (const char           *lang);
void                  measures_translations_free     (MeasuresTranslations *self);
const char           *measures_translations_get_lang (MeasuresTranslations *self);
const char           *measures_translations_get      (MeasuresTranslations *self,
                                                      const char           *context,
                                                      const char           *msgid) G_GNUC_FORMAT (3);
const char           *measures_translations_get_country (MeasuresTranslations *self,
                                                         const char           *iso_name);
const char           *measures_translations_nget     (MeasuresTranslations *self,
                                                      const char           *msgid,
                                                      const char           *msgid_plural,
                                                      gulong                n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresTranslations, measures_translations_free)

G_END_DECLS
