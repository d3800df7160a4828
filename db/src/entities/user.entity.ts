import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';

export const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.uuid().primary(),
    organisation: () => p.manyToOne(OrganisationSchema).index(),
    email: p.string().length(254).unique(),
    fullName: p.string().length(200),
    role: p.string().length(20),
    passwordHash: p.string().length(200),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type UserEntity = InferEntity<typeof UserSchema>;
