import type { BoilerplateVocabulary } from './vocabulary.types';

export const es: BoilerplateVocabulary = {
  share: ['compartir', 'compartir en facebook', 'compartir en twitter', 'compartir en whatsapp', 'comparte', 'imprimir', 'copiar enlace', 'enviar por correo', 'enviar', 'correo'],
  related: [
    'lea también', 'lee también', 'leer más', 'lee más', 'ver también', 'ver más', 'te puede interesar', 'le puede interesar',
    'también te puede interesar', 'noticias relacionadas', 'artículos relacionados', 'contenido relacionado', 'más información',
    'relacionado', 'relacionadas', 'te recomendamos', 'recomendados',
  ],
  teasers: ['lo más leído', 'más leídas', 'más leído', 'lo más visto', 'últimas noticias', 'lo último', 'destacados', 'tendencias', 'populares'],
  comments: ['comentarios', 'comentario', 'deja un comentario', 'deja tu comentario', 'escribe un comentario', 'comenta'],
  imprint: ['aviso legal', 'política de privacidad', 'política de cookies', 'contacto', 'quiénes somos', 'términos y condiciones'],
  widgets: ['iniciar sesión', 'regístrate', 'menú', 'buscar', 'búsqueda', 'cerrar', 'cargar más', 'mostrar más', 'ver todo', 'siguiente', 'anterior', 'más'],
  ads: ['publicidad', 'anuncio', 'contenido patrocinado', 'patrocinado'],
  tags: ['etiquetas', 'temas', 'tema', 'tags', 'palabras clave', 'categorías', 'categoría', 'archivado en'],
  credit: ['foto', 'fotos', 'fotografía', 'imagen', 'imágenes', 'ilustración', 'crédito', 'créditos', 'vídeo', 'video'],
  creditBy: ['de', 'por', 'cortesía de'],
  subscribe: [
    'suscríbete', 'suscríbase', 'suscribirse', 'regístrate gratis', 'recibe nuestro boletín', 'recibe nuestra newsletter',
    '¿ya eres suscriptor', 'ya eres suscriptor', 'para seguir leyendo', 'para continuar leyendo',
    'este artículo es exclusivo para suscriptores', 'contenido exclusivo para suscriptores', 'apoya nuestro periodismo',
  ],
  newsletter: ['newsletter', 'boletín'],
  signUp: ['suscri', 'regístr', 'registr', 'gratis', 'gratuit', 'bandeja de entrada', 'correo', 'cada mañana', 'cada día', 'cada semana'],
  cookie: ['cookie', 'cookies'],
  consent: ['acept', 'consentimiento', 'privacidad', 'utilizamos', 'usamos', 'este sitio utiliza', 'datos personales'],
  follow: ['síguenos en', 'síguenos', 'síganos en'],
  home: ['inicio', 'portada'],
  by: ['por'],
  months: [
    'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
    'ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'sept', 'oct', 'nov', 'dic',
  ],
  weekdays: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  dateLabels: ['publicado', 'actualizado', 'actualización', 'modificado'],
  dateGlue: ['de', 'del', 'a las', 'las', 'hs', 'h'],
  classWords: ['compartir', 'comentarios', 'relacionadas', 'relacionados', 'etiquetas', 'migas', 'publicidad'],
};
