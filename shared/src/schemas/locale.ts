import { z } from 'zod';

// Every validation message a user can see is French: set once, here, for api and web alike.
z.config(z.locales.fr());

export { z };
