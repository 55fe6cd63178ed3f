"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type FieldValues, type UseFormProps } from "react-hook-form";
import type { z } from "zod";

/** react-hook-form checked by the same zod schema the server action uses. */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, props?: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, "resolver">) {
  return useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), ...props });
}
